/** The MNIST lab's worker face in the browser: teacher and images from our own build's files. */
import { mnistWorker } from './index';
import { loadMnistInBrowser } from './load-browser';

export default mnistWorker({ loadMnist: loadMnistInBrowser });
