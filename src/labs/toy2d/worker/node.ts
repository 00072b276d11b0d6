/** The 2-D lab's worker face in Node (tests, scripts): teachers from `models/toy2d/` on disk. */
import { loadTeacherFromDisk } from '../../../../models/toy2d/load-node';
import { toy2dWorker } from './index';

export default toy2dWorker({ loadTeacher: loadTeacherFromDisk });
