// npm run open-data:check: the open-data list (open-data/) against its schema, the agency directory, the
// administrative units, the subgraphs' sources and the policies (only public fields are published), and
// its review date against today's date in the province. Exits 1 with every problem listed.
import { provinceDay } from '../shared/calendar/provinceDay.ts';
import { checkOpenDataList } from '../shared/openData/checkOpenDataList.ts';
import { OPEN_DATA_FOLDER } from '../shared/openData/readOpenDataList.ts';
import { OPEN_DATA_SOURCES } from '../subgraphs/openDataSources.ts';

const problems = checkOpenDataList(OPEN_DATA_FOLDER, { sources: OPEN_DATA_SOURCES, today: provinceDay(new Date()) });
if (problems.length) {
  console.error(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`).join('\n'));
  console.error(`The open-data list has ${problems.length} problem${problems.length === 1 ? '' : 's'} (above).`);
  process.exit(1);
}
console.log('The open-data list is valid.');
