/** The 2-D lab's own strings that the page shows before its panel loads (the lab picker). */
export const toy2dEn = {
  title: '2-D toy data sets',
};
