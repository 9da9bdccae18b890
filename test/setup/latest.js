// Runs before each test file of the latest project: a worker that ran floor tests before must not pass the
// floor on to the processes these tests spawn.
if (process.env.CLS_NODE_OPTIONS_BEFORE !== undefined) {
  process.env.NODE_OPTIONS = process.env.CLS_NODE_OPTIONS_BEFORE;
}
