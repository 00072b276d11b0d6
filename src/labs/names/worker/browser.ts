/** The names lab's worker face in the browser: teacher and corpus from our own build's files. */
import { namesWorker } from './index';
import { loadNamesCorpusInBrowser, loadNamesTeacherInBrowser } from './load-browser';

export default namesWorker({ loadTeacher: loadNamesTeacherInBrowser, loadCorpus: loadNamesCorpusInBrowser });
