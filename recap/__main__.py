from recap.app import main

raise SystemExit(main())
