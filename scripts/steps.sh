# Steps of scripts/test.sh that run side by side (sourced, not run). Each keeps its own output
# and exit status: "side NAME COMMAND..." starts one in the background; "shown NAME" waits for it
# and prints its output whole under "== NAME", then "FAILED: NAME" if it failed; "verdict" names
# every step that failed and returns 1 if any did. "note NAME" records a failure of a step run
# in the foreground.
failed=()
declare -A _step_pid=()
_step_logs="$(mktemp -d "${TMPDIR:-/tmp}/kvet-steps.XXXXXX")"

side() {
  local name="$1"
  shift
  "$@" >"$_step_logs/${name//\//_}.log" 2>&1 &
  _step_pid["$name"]=$!
}

shown() {
  local name="$1" status=0
  wait "${_step_pid[$name]}" || status=$?
  echo "== $name"
  cat "$_step_logs/${name//\//_}.log"
  if [ "$status" != 0 ]; then
    echo "FAILED: $name (exit status $status)"
    failed+=("$name")
  fi
}

note() {
  failed+=("$1")
}

verdict() {
  rm -rf "$_step_logs"
  if [ "${#failed[@]}" != 0 ]; then
    echo "== failed: ${failed[*]}"
    return 1
  fi
  echo "== every step passed"
}
