try:
    from workbench.safeio.signals import held

    # Ctrl-C while a native extension initialises can crash the interpreter: orjson segfaults
    # when a KeyboardInterrupt is raised inside its module set-up. It is loaded with Ctrl-C
    # held, so a Ctrl-C pressed meanwhile arrives afterwards, in Python code, as the exit below.
    with held():
        import orjson  # noqa: F401
    from workbench.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python was still loading the workbench
    raise SystemExit(130) from None

raise SystemExit(main())
