// Ends each Jest run with one plain line, "<project>: N passed, N failed",
// that CI and people can read without parsing Jest's table.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const projects = new Set(results.testResults.map((file) => file.displayName?.name ?? 'tests'));
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `${[...projects].join('+') || 'tests'}: ${results.numPassedTests} passed, ` +
        `${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}

module.exports = SummaryReporter;
