/** The CartPole lab's worker face in Node (tests, the benchmark): the teacher from `models/cartpole/` on disk. */
import { loadCartpoleTeacherFromDisk } from '../../../../models/cartpole/load-node';
import { cartpoleWorker } from './index';

export default cartpoleWorker({ loadTeacher: loadCartpoleTeacherFromDisk });
