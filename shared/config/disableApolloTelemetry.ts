// @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata addresses at
// construction: a provincial platform never phones home. This variable is its only switch, and the
// one variable the project writes for a library rather than reads.
export function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}
