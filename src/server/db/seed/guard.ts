/**
 * Demo and scale data must never reach a live party-member register.
 * The argument defaults to NODE_ENV so the server and the CLI share one check.
 */
export function assertNotProduction(nodeEnv: string | undefined = process.env.NODE_ENV): void {
  if (nodeEnv === 'production') {
    throw new Error(
      'Refusing to seed: NODE_ENV is "production". Demo and scale data are for development, tests and benchmarks only.',
    );
  }
}
