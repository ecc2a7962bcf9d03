#!/usr/bin/env bash
# Smoke test of the orchestrator runner on this machine: gate, then dispatch, in Phoenix time,
# against a GitHub REST stand-in on 127.0.0.1 (nothing reaches GitHub).
#
#   scripts/github/simulate_orchestrator_event.sh [PAYLOAD] [extra rc simulate flags...]
#
# PAYLOAD defaults to examples/events/issue-comment-orchestrate.json. Run it from the repository
# that holds orchestration.yaml (e.g. a copy of examples/repo). RC overrides the rc command.
set -euo pipefail
export TZ=America/Phoenix
root="$(cd "$(dirname "$0")/../.." && pwd)"
payload="${1:-$root/examples/events/issue-comment-orchestrate.json}"
shift || true
if [ -n "${RC:-}" ]; then
  read -r -a rc <<<"$RC"
elif [ -f "$root/packages/cli/dist/rc.cjs" ]; then
  rc=(node "$root/packages/cli/dist/rc.cjs")
else
  rc=(rc)
fi
exec "${rc[@]}" simulate --event issue_comment --payload "$payload" --token simulated-token "$@"
