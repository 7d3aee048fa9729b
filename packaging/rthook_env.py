"""PyInstaller runtime hook: the bundle's environment, set before the workbench is imported.

- fontconfig (used by Qt) also finds the fonts shipped in the bundle. A user's own
  FONTCONFIG_FILE wins; ours includes the system configuration, so installed fonts and user
  settings still apply.
- With no locale at all (``env -i``, cron, a bare container) Qt warns that it switches to
  C.UTF-8; choose that ourselves so the warning does not bury the workbench's own messages.
"""

import os
import sys

_conf = os.path.join(getattr(sys, "_MEIPASS", ""), "fonts", "fonts.conf")
if os.path.isfile(_conf):
    os.environ.setdefault("FONTCONFIG_FILE", _conf)

if not any(os.environ.get(v) for v in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"
