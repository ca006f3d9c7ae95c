#!/usr/bin/env node
// `npm test`: every check, in order, with one closing summary line. Exits non-zero on any
// failure. Stages: typecheck, lint, build, unit tests (inside a private D-Bus session with a
// real gnome-keyring), a seeded share of the fuzzer, the keychain cases again with no Secret
// Service, end-to-end tests in Chromium, and the Electron tests (which skip, saying why, where no
// Electron binary exists).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const counts = { passed: 0, failed: 0, skipped: 0 };
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const keyring = has('dbus-run-session') && has('gnome-keyring-daemon');

function run(name, command, { env = {}, report } = {}) {
  process.stdout.write(`\n━━ ${name}\n$ ${command}\n`);
  const started = Date.now();
  const { status } = spawnSync('sh', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ok = status === 0;
  let tally = '';
  let failures = [];
  if (report && existsSync(report.file)) {
    const t = report.parse(JSON.parse(readFileSync(report.file, 'utf8')));
    failures = t.failures ?? [];
    counts.passed += t.passed;
    counts.failed += t.failed;
    counts.skipped += t.skipped;
    tally = ` (${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped)`;
  } else if (!ok) {
    counts.failed += 1;
  }
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1), tally, failures });
  return ok;
}

/**
 * Runs `command` inside a private D-Bus session with a fresh, unlocked gnome-keyring whose
 * files live in a temporary folder: a developer's own keyrings are never opened or changed.
 */
const inKeyring = (command) =>
  keyring
    ? `dbus-run-session -- sh -c 'export XDG_DATA_HOME="$(mktemp -d)"; echo -n latchkey-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ${command.replace(/'/g, `'\\''`)}; status=$?; rm -rf "$XDG_DATA_HOME"; exit $status'`
    : command;

const vitestReport = (file) => ({
  file,
  parse: (j) => ({
    passed: j.numPassedTests,
    // A file that fails to load has no failed tests but is a failure all the same.
    failed: j.numFailedTests + (j.numFailedTests === 0 ? j.numFailedTestSuites : 0),
    skipped: j.numPendingTests + j.numTodoTests,
    failures: j.testResults.flatMap((file) =>
      file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed')
        ? [`${file.name}: ${firstLine(file.message)}`]
        : file.assertionResults
            .filter((t) => t.status === 'failed')
            .map((t) => `${file.name} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`),
    ),
  }),
});
const playwrightReport = (file) => ({
  file,
  parse: (j) => ({
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected,
    skipped: j.stats.skipped,
    failures: playwrightFailures(j.suites ?? [], []),
  }),
});

/** The first line of an error, without terminal colours: enough to name it in the summary. */
function firstLine(message) {
  // eslint-disable-next-line no-control-regex
  const plain = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return (
    plain
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 300) ?? ''
  );
}

function playwrightFailures(suites, path) {
  return suites.flatMap((suite) => [
    ...playwrightFailures(suite.suites ?? [], [...path, suite.title]),
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'unexpected')
        .map((t) => {
          const error = t.results.at(-1)?.error?.message;
          const where = [...path, spec.title].filter(Boolean).join(' › ');
          return `${spec.file}:${spec.line} › ${where}: ${firstLine(error)}`;
        }),
    ),
  ]);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

run('typecheck', 'npm run --silent typecheck');
run('lint', 'npm run --silent lint');
const built = run(
  'build',
  'npx electron-vite build --logLevel warn && npx vite build -c vite.cli.config.ts --logLevel warn',
);

run(
  keyring
    ? 'unit tests (real gnome-keyring in a private D-Bus session)'
    : 'unit tests (no gnome-keyring on this machine)',
  inKeyring(
    'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json',
  ),
  {
    env: keyring ? { LATCHKEY_EXPECT_KEYCHAIN: '1' } : {},
    report: vitestReport('test-results/unit.json'),
  },
);

// A seeded share of `npm run fuzz` (issue 10): ~500 cases per parser; one parser is one test.
run(
  'fuzz (500 seeded cases per parser; npm run fuzz runs 10,000)',
  'npx tsx tests/fuzz/run.ts --cases 500 --seed 20261204 --report test-results/fuzz.json',
  {
    report: {
      file: 'test-results/fuzz.json',
      parse: (j) => ({ passed: j.passed, failed: j.failed, skipped: j.skipped }),
    },
  },
);

const keychainFiles = readdirSync('tests/unit', { recursive: true })
  .map(String)
  .filter((f) => /keychain[^/]*\.test\.ts$/.test(f))
  .map((f) => `tests/unit/${f}`);
if (keychainFiles.length > 0) {
  run(
    'keychain cases with no Secret Service (degraded path)',
    `npx vitest run ${keychainFiles.join(' ')} --reporter=default --reporter=json --outputFile.json=test-results/unit-no-keychain.json`,
    {
      env: {
        LATCHKEY_EXPECT_KEYCHAIN: '0',
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/latchkey-no-bus',
      },
      report: vitestReport('test-results/unit-no-keychain.json'),
    },
  );
}

if (built) {
  run(
    'end-to-end (Chromium, built renderer, real main-side services)',
    inKeyring('npx playwright test -c tests/e2e/playwright.config.ts --grep-invert @no-keychain'),
    {
      env: keyring ? { LATCHKEY_EXPECT_KEYCHAIN: '1' } : {},
      report: playwrightReport('test-results/e2e.json'),
    },
  );
  run(
    'end-to-end with no Secret Service (degraded keychain path)',
    'npx playwright test -c tests/e2e/playwright.config.ts --grep @no-keychain',
    {
      env: {
        LATCHKEY_EXPECT_KEYCHAIN: '0',
        LATCHKEY_E2E_REPORT: 'e2e-no-keychain',
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/latchkey-no-bus',
      },
      report: playwrightReport('test-results/e2e-no-keychain.json'),
    },
  );
  run(
    'electron (needs the Electron binary)',
    'npx playwright test -c tests/electron/playwright.config.ts',
    {
      report: playwrightReport('test-results/electron.json'),
    },
  );
}

console.log('\n━━ summary');
// Failed tests are named here, last, because a CI log is often read from its tail.
for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}${r.tally}  [${r.seconds}s]`);
  for (const f of r.failures) console.log(`        ✘ ${f}`);
}
const stageFailures = results.filter((r) => !r.ok).length;
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(stageFailures === 0 && counts.failed === 0 ? 0 : 1);
