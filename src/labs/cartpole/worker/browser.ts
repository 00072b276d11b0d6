/** The CartPole lab's worker face in the browser: the teacher from our own build's files. */
import { cartpoleWorker } from './index';
import { loadTeacherInBrowser } from './load-browser';

export default cartpoleWorker({ loadTeacher: loadTeacherInBrowser });
