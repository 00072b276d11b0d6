/** The 2-D lab's worker face in the browser: teachers from our own build's files. */
import { toy2dWorker } from './index';
import { loadTeacherInBrowser } from './load-browser';

export default toy2dWorker({ loadTeacher: loadTeacherInBrowser });
