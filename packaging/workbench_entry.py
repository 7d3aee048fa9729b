"""The bundle's entry point: the same ``main`` as the ``workbench`` console script
(``workbench.launch``: Ctrl-C while the program loads is exit 130, not a traceback)."""

import multiprocessing

# Worker processes started by spawn or forkserver (the folder table does this from the
# window's threaded process), and multiprocessing's resource tracker, run this same executable
# with their own arguments; freeze_support lets PyInstaller's hook recognise them and run the
# worker instead of the workbench's command line. It must come before anything else.
multiprocessing.freeze_support()

from workbench.launch import main  # noqa: E402

raise SystemExit(main())
