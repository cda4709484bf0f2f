// The CLI side of the playground's tests: what `emlint lint` reports.
import { execFileSync } from 'node:child_process';

// lintJSON runs `emlint lint --no-config --format json [args] FILE` and
// returns its report ({findings, files}); exit status 1, findings, is not
// a failure.
export function lintJSON(emlint, file, args = []) {
  let out;
  try {
    out = execFileSync(emlint, ['lint', '--no-config', '--format', 'json', ...args, file], { encoding: 'utf8' });
  } catch (e) {
    if (e.status !== 1) throw e;
    out = e.stdout;
  }
  return JSON.parse(out);
}
