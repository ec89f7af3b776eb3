// This process's configuration, read from process.env once, when first imported: the environment does
// not change while a service runs. A bad value stops the process at start with one message naming every
// variable that is wrong (no stack trace: it is an operator's mistake, not the program's). Nothing
// outside shared/config reads process.env.
import { ConfigError, readConfig, type Config } from './readConfig.ts';

function readThisProcess(): Config {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

export const config: Config = readThisProcess();
