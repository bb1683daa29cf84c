# Sourced by the benchmark scripts: the shared workload (../shared/bench) of 1000 cases and packs
# of 50, 200 and 1000 rules, generated once into .build-bench-data/B.
out=.build-bench-data
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
if [ ! -d "$out/B/cases-1000" ]; then
  python3 ../shared/bench/gen_workload.py --out "$out/W" --cases 1000 --rules 50 200 1000 >/dev/null
  python3 ../shared/bench/to_ipt.py --data "$out/W" --out "$out/B" --rules 50 200 1000 --cases 1000
fi
