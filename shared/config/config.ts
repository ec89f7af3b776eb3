// This process's configuration, read from process.env once, when first imported: the environment does
// not change while a service runs, and a bad value stops the process at start, naming every variable
// that is wrong. Nothing outside shared/config reads process.env.
import { readConfig, type Config } from './readConfig.ts';

export const config: Config = readConfig(process.env);
