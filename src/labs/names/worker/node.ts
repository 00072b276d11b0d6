/** The names lab's worker face in Node (tests, the bench): teacher and corpus from `models/names/` on disk. */
import { loadNamesCorpusFromDisk, loadNamesTeacherFromDisk } from '../../../../models/names/load-node';
import { namesWorker } from './index';

export default namesWorker({ loadTeacher: loadNamesTeacherFromDisk, loadCorpus: loadNamesCorpusFromDisk });
