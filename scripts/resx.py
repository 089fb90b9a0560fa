#!/usr/bin/env python3
"""mkresx.py OUT_BASE  < lines 'Key|中文|English'  -> OUT_BASE.resx (zh-CN neutral) and OUT_BASE.en.resx.
Merges into existing files (existing keys are replaced)."""
import sys, os, re
from xml.sax.saxutils import escape
base = sys.argv[1]
rows = [l.rstrip('\n').split('|', 2) for l in sys.stdin if l.strip() and not l.startswith('#')]
HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
def load(path):
    if not os.path.exists(path): return {}
    s = open(path, encoding='utf-8').read()
    return {m.group(1): m.group(2) for m in re.finditer(r'<data name="([^"]+)" xml:space="preserve">\s*<value>(.*?)</value>', s, re.S)}
for suffix, idx in (('.resx', 1), ('.en.resx', 2)):
    path = base + suffix
    data = load(path)
    for r in rows:
        data[r[0]] = escape(r[idx])
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD)
        for k, v in data.items():
            f.write(f'  <data name="{k}" xml:space="preserve">\n    <value>{v}</value>\n  </data>\n')
        f.write('</root>\n')
