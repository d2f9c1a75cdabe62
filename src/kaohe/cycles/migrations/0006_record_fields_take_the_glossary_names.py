# A record's fields take the glossary's names (unit, indicator, rule, date), as in the engine,
# the records file, the form and the snapshot: one set of names in every layer. The two indexes
# on the renamed fields are dropped first and built again on the new names (RenameField leaves
# an index's field list as it was).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cycles', '0005_merge_20261207_1337'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='record', name='cycles_reco_cycle_i_95484c_idx'),
        migrations.RemoveIndex(model_name='record', name='record_grid_order'),
        migrations.RenameField(model_name='record', old_name='cycle_unit', new_name='unit'),
        migrations.RenameField(model_name='record', old_name='node_path', new_name='indicator'),
        migrations.RenameField(model_name='record', old_name='rule_id', new_name='rule'),
        migrations.RenameField(model_name='record', old_name='occurred_on', new_name='date'),
        migrations.AddIndex(
            model_name='record',
            index=models.Index(fields=['cycle', 'unit'], name='cycles_reco_cycle_i_52a4bf_idx'),
        ),
        migrations.AddIndex(
            model_name='record',
            index=models.Index(fields=['cycle', 'indicator', 'unit', 'id'], name='record_grid_order'),
        ),
    ]
