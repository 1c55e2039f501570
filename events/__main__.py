import sys

from events.cli.main import main

sys.exit(main())
