"""Print `PASSED FAILED` for a pytest JUnit XML report: skipped tests count neither; an unreadable or empty report
counts as one failure. Used by scripts/python-tests.sh and scripts/node-range-tests.sh."""
import sys
import xml.etree.ElementTree as ET

try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print("0 1")
    sys.exit()
suites = [root] if root.tag == "testsuite" else list(root)
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(tests - bad - skipped, bad if tests else max(bad, 1))
