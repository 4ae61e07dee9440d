/**
 * English names of what the Chinese edition takes from data/ (the report's own terms):
 * every figure, industry, rate, dataset and report part. A missing name fails the build.
 */
export const enLabels: Record<string, string> = {
  'output.enterprises.2019': 'Industrial firms above designated size',
  'output.total.2019': 'Gross industrial output of firms above designated size',
  'output.growth.2019': 'Output growth, year on year',
  'output.hightech.2019': 'Output of high-tech products',
  'output.hightechShare.2019': 'High-tech share of output (as reported)',
  'ranking.2018': 'Rank in the provincial development-zone assessment',
  'ranking.2019': 'Rank in the provincial development-zone assessment',
  'env.waterFunctionZone': 'Water-function-zone water quality compliance rate',
  'env.drinkingWaterSource': 'Main drinking-water source quality compliance rate',
  'env.urbanSewageTreatment': 'Urban sewage centralised treatment rate',
  'env.sewageCollection': 'Sewage collection rate',
  'env.industrialWaterReuse': 'Industrial water reuse rate',
  'env.solidWasteUse': 'Industrial solid waste utilisation rate',
  'env.renewablesRecycling': 'Main renewable resources recycling rate',
  'env.wasteHeatReuse': 'Waste-heat reuse rate',
  'env.aqiGoodDays': 'Share of days with good or excellent air (three-year average)',
  'env.greenCoverage': 'Green coverage rate',
  'sewage.capacity.phase1': 'Sewage plant capacity (built)',
  'sewage.capacity.phase2': 'Sewage plant capacity after phase 2',
  'sewage.monitoredFirms': 'Firms on the pollution-source monitoring platform',
  'cleanup.categories': 'Categories for “scattered, disorderly, polluting” firms',
  'cleanup.firms.2019': '“Scattered, disorderly, polluting” firms cleared',
  'projects.standardFactories': 'Standard factory floor space built',
  'projects.hainengPark': 'Haineng science park investment',
  'projects.newEnergyPark': 'New-energy park investment',
  'milestone.founded': 'Park founded',
  'milestone.provincialPark': 'Approved as a provincial industrial park and private science park',
  'milestone.rank2018': '37th in the provincial development-zone assessment',
  'milestone.civilised2018': 'Named a provincial civilised unit',
  'milestone.highTech': 'Renamed a provincial high-tech industrial park',
  'milestone.civilised2019': 'Named a provincial civilised unit again',
  'milestone.liangLvYiDu': 'Named an advanced park in the “two rates, one degree” review',
  'milestone.cityFirst': 'First in Ji’an city’s industrial-park construction review',
  'milestone.rank2019': '35th in the provincial development-zone assessment',
  'milestone.greenParkApplication': 'Applied for provincial green-park status',
  'derived.output.2018': 'Industrial output in 2018 (implied by the growth rate)',
  'derived.output.added.2019': 'Output added in 2019 (derived)',
  'derived.output.hightechShare.2019': 'High-tech share computed from the two amounts',
  'derived.output.nonHightech.2019': 'Output other than high-tech products',
  'derived.output.perEnterprise.2019': 'Average output per firm above designated size',
  'derived.sewage.capacityIncrease': 'Capacity increase after phase 2',
  'derived.ranking.change': 'Places gained in the assessment',
  'derived.output.hightechShare.low': 'Lowest possible high-tech share',
  'derived.output.hightechShare.high': 'Highest possible high-tech share',
  'derived.park.yearsToHighTech': 'From founding to high-tech status',
  'industry.electronics': 'Electronic information',
  'industry.equipment': 'Advanced equipment manufacturing',
  'industry.greenFood': 'Green food',
  'industry.newEnergyMaterials': 'New energy and new materials',
};

/** Short names of the environmental rates, for the chart. */
export const enShort: Record<string, string> = {
  'env.waterFunctionZone': 'Water-function zones',
  'env.drinkingWaterSource': 'Drinking-water sources',
  'env.urbanSewageTreatment': 'Urban sewage treated',
  'env.sewageCollection': 'Park sewage collected',
  'env.industrialWaterReuse': 'Industrial water reused',
  'env.solidWasteUse': 'Solid waste used',
  'env.renewablesRecycling': 'Resources recycled',
  'env.wasteHeatReuse': 'Waste heat reused',
  'env.aqiGoodDays': 'Good-air days',
  'env.greenCoverage': 'Green coverage',
};

/** Formulas of the derived figures, in English. */
export const enFormulas: Record<string, string> = {
  'derived.output.2018': '2019 output ÷ (1 + growth rate)',
  'derived.output.added.2019': '2019 output − implied 2018 output',
  'derived.output.hightechShare.2019': 'high-tech output ÷ total output',
  'derived.output.nonHightech.2019': 'total output − high-tech output',
  'derived.output.perEnterprise.2019': 'total output ÷ number of firms above designated size',
  'derived.sewage.capacityIncrease': '(capacity after phase 2 ÷ current capacity − 1) × 100%',
  'derived.ranking.change': '2018 rank − 2019 rank',
  'derived.output.hightechShare.low': '(high-tech output − 0.05) ÷ (total output + 0.05)',
  'derived.output.hightechShare.high': '(high-tech output + 0.05) ÷ (total output − 0.05)',
  'derived.park.yearsToHighTech': 'year of high-tech status − year founded',
};

/** Datasets on the data page. */
export const enDatasets: Record<string, { title: string; description: string }> = {
  output: {
    title: 'Industrial output',
    description: 'Firms above designated size in 2019: how many, their gross output, its growth and the high-tech part.',
  },
  rankings: {
    title: 'Provincial assessment rank',
    description: 'The park’s rank among Jiangxi’s development zones. The report does not say how many zones were ranked.',
  },
  environment: {
    title: 'Environmental rates',
    description:
      'The environmental and resource-use rates the report lists, all percentages. It gives no year (“as of now”) and no baselines; good-air days are a three-year average.',
  },
  sewage: {
    title: 'Sewage treatment',
    description: 'The sewage plant’s daily capacity (built, and after phase 2 under construction) and the firms monitored online.',
  },
  cleanup: {
    title: 'Clean-up of polluting firms',
    description: 'How “scattered, disorderly, polluting” firms are sorted, and how many were cleared in 2019.',
  },
  projects: {
    title: 'Building and investment',
    description:
      'Standard factory space and two investment projects. All three figures are lower bounds (“over”); the exact values are not given.',
  },
  milestones: { title: 'Milestones', description: 'The park’s dated events in the report, from founding to the green-park application.' },
  industries: {
    title: 'The “1+3+N” industry cluster',
    description: 'One leading industry, three featured ones, and N others the report does not list.',
  },
};

/** The report's parts, by the keys of data/source.json. */
export const enSections: Record<string, string> = {
  intro: 'Headline and introduction',
  s1: 'Striking hard: greener growth by design',
  s2: 'Building the platform: an ecological foundation',
  s3: 'Cleaning up: environment and harmony',
  s4: 'Attention to detail: building a green park',
  byline: 'Byline and tags',
};
