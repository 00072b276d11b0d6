/** The playground app: the same elements an embedder gets, with the experiment kept in the URL. */
import './index';
