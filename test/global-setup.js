// Printed once per run, where jest cannot hide it: whether the EventStoreDB contract suite runs.
module.exports = async () => {
  const target = process.env.EVENTSTORE_CONNECTION_STRING;
  process.stdout.write(
    target
      ? `\nEventStoreDB contract suite: running against ${target.replace(/\/\/[^@/]+@/, '//***@')}\n`
      : '\nEventStoreDB contract suite: skipped (set EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false, to run it)\n',
  );
};
