/** The MNIST lab's worker face in Node (tests, scripts): teacher and images from `models/mnist/` on disk. */
import { loadTestSet, loadTrainSubset } from '../../../../models/mnist/load-node';
import { loadMnistTeacherFromDisk } from '../../../../models/mnist/load-teacher-node';
import { mnistWorker, type MnistLoaders } from './index';

export const loadMnistFromDisk: MnistLoaders['loadMnist'] = async () => {
  const [{ model, card }, train, test] = await Promise.all([loadMnistTeacherFromDisk(), loadTrainSubset(), loadTestSet()]);
  return { teacher: model, card, train, test };
};

export default mnistWorker({ loadMnist: loadMnistFromDisk });
