from reporter.cli import run

run()
