// npm run build: the console's single-page application, into console/dist (served by the gateway).
import { buildConsole } from '../console/consoleBuild.ts';

await buildConsole();
