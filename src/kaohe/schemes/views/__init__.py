"""The schemes app's pages: the list, versions and import (``schemes``), the form editor
(``editor``) and its 「高级」 YAML view (``schemes.edit_draft``)."""

from kaohe.accounts.roles import Role

can_read_schemes = (Role.OFFICE, Role.ASSESSOR, Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER)
can_edit_schemes = (Role.OFFICE,)
