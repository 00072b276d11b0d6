/** The MNIST lab's own strings that the page shows before its panel loads (the lab picker). */
export const mnistEn = {
  title: 'MNIST digits (Hinton 2015)',
};
