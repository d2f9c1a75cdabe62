# Merges the audit chain (secaudit) and the account security actions (secroles).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0005_account_security_actions'),
        ('audit', '0005_audit_chain'),
    ]

    operations = [
    ]
