#!/usr/bin/env python3
"""Check many annual reports on many machines: Apache Spark runs the same gongkai-lens CLI on every
executor with RDD.pipe over JSON Lines.

Each report file becomes one line {"source": path, "base64": bytes}; each partition's lines go to one
`gongkai-lens check --jsonl --problem-records -` process on stdin; each line it prints (a report, or
{"source", "problem"} for an input without one) is one element of the result. Files are read on the
executors (SparkContext.binaryFiles), so the driver never holds them.

  spark-submit examples/spark/check_reports.py --cli /opt/gongkai-lens/cli/gongkai-lens.mjs \
      --out hdfs:///reports/2024-checked  hdfs:///reports/2024/

  python3 examples/spark/check_reports.py --master 'local[2]' --out out.jsonl ../shared/seeds/*.txt

--emulate runs the very same pipe without Spark (one process per partition, lines on stdin, lines
back), for machines without pyspark and for the test (test/cli-spark.test.ts).
"""
import argparse
import base64
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CLI = os.path.join(HERE, '..', '..', 'cli', 'gongkai-lens.mjs')


def cli_command(cli, jobs):
    # One worker thread per pipe: Spark already runs one task per executor core.
    return ['node', cli, 'check', '--jsonl', '--problem-records', '--no-progress', '--jobs', str(jobs), '-']


def record(source, data):
    return json.dumps({'source': source, 'base64': base64.b64encode(data).decode('ascii')})


def local_files(paths):
    """Files named or under folders named, in name order (what the CLI itself would read)."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    yield os.path.join(root, name)
        else:
            yield p


def partitions_of(items, n):
    """Contiguous slices, as SparkContext.parallelize cuts a list."""
    size = len(items)
    return [items[size * i // n:size * (i + 1) // n] for i in range(n)]


def run_emulated(paths, command, partitions):
    lines = []
    for path in local_files(paths):
        with open(path, 'rb') as f:
            lines.append(record(path, f.read()))
    out = []
    for part in partitions_of(lines, partitions):
        # RDD.pipe: each element a line on stdin, each line of stdout an element; the exit code is
        # not checked (1 and 2 say what the reports hold, the lines carry it).
        proc = subprocess.run(command, input=''.join(l + '\n' for l in part), capture_output=True, text=True)
        out.extend(l for l in proc.stdout.splitlines() if l)
    return out


def run_spark(paths, command, partitions, master):
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        sys.stderr.write('pyspark is not installed (pip install pyspark), or run with --emulate\n')
        sys.exit(3)
    builder = SparkSession.builder.appName('gongkai-lens check')
    if master:
        builder = builder.master(master)
    sc = builder.getOrCreate().sparkContext
    # binaryFiles takes folders and globs, comma-separated: the executors read the files.
    files = sc.binaryFiles(','.join(os.path.abspath(p) if '://' not in p else p for p in paths), minPartitions=partitions)
    lines = files.map(lambda kv: record(kv[0].replace('file:', '', 1) if kv[0].startswith('file:') else kv[0], kv[1]))
    return lines.pipe(' '.join(shlex.quote(c) for c in command)).collect()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('inputs', nargs='+', help='report files or folders (local, hdfs://, s3a://)')
    ap.add_argument('--out', required=True, help='JSON Lines: one report (or problem) per input')
    ap.add_argument('--cli', default=DEFAULT_CLI, help='gongkai-lens.mjs on every executor')
    ap.add_argument('--partitions', type=int, default=8)
    ap.add_argument('--jobs', type=int, default=1, help='worker threads per pipe')
    ap.add_argument('--master', default=None, help="e.g. local[4]; default: spark-submit's")
    ap.add_argument('--emulate', action='store_true', help='the same pipe without Spark')
    args = ap.parse_args()
    command = cli_command(args.cli, args.jobs)
    out = run_emulated(args.inputs, command, args.partitions) if args.emulate else run_spark(args.inputs, command, args.partitions, args.master)
    reports = errors = problems = 0
    with open(args.out, 'w', encoding='utf-8') as f:
        for line in out:
            f.write(line + '\n')
            rec = json.loads(line)
            if 'problem' in rec:
                problems += 1
            else:
                reports += 1
                errors += sum(1 for x in rec['findings'] if x['severity'] == 'error')
    print(f'{reports} reports, {errors} errors, {problems} inputs without a report -> {args.out}')


if __name__ == '__main__':
    main()
