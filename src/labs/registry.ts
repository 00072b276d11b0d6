/**
 * The registry: one line per lab. A lab is its folder (`src/labs/<id>/` with `shared/`, `worker/`,
 * `client/`), its teacher under `models/<id>/`, and its line here; the engine and the page find
 * its worker and client faces by the folder name.
 */
export { toy2dShared as toy2d } from './toy2d/shared/lab';
export { mnistShared as mnist } from './mnist/shared/lab';
export { namesShared as names } from './names/shared/lab';
export { cartpoleShared as cartpole } from './cartpole/shared/lab';
