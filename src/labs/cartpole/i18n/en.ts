/** The CartPole lab's strings in English. A translation is one more file of this shape. */
export const cartpoleEn = {
  title: 'CartPole policy',
};

export type CartpoleMessages = typeof cartpoleEn;
