/**
 * Every sentence a person reads, in English. Keys are stable and shared by every language:
 * a Welsh catalogue (`messages.cy.ts`) must provide the same keys (the `Catalogue` type in
 * `messages.ts` checks this). `{name}` marks a parameter filled in by `t(key, params)`.
 * Plural forms are separate keys ending `.one` / `.other` (and `.zero`, `.two`, `.few`,
 * `.many` where a language needs them), chosen with `Intl.PluralRules`.
 */
export const en = {
  'service.name': 'CLASS extension decision tool',
  'service.phase': 'Beta',
  'service.phaseText': 'Figures are projections, not forecasts.',

  'layout.skipLink': 'Skip to main content',
  'layout.navLabel': 'Menu',
  'layout.serviceInfoLabel': 'Service information',
  'layout.nav.home': 'Home',
  'layout.nav.scenarios': 'Scenarios',
  'layout.footer.about':
    'A tool for councils deciding whether to extend the CLASS placement-support contract. Figures are projections from the assumptions in each scenario, not forecasts.',
  'layout.footer.noCookies': 'This tool sets no cookies and sends nothing to other websites.',
  'layout.pageTitle': '{page} – {service}',

  'home.title': 'Should we keep paying for CLASS, and for how long?',
  'home.lead':
    'This tool compares the options for the CLASS placement-support contract: stop at the end of the fixed term, or take up one, two, three or four extension years.',
  'home.answersHeading': 'What it tells you',
  'home.answers.placements':
    'how many residential placements each option is likely to avoid, and what that saves against what the contract costs – for the region and for each council’s own budget',
  'home.answers.sure':
    'how sure we can be: the chance that an option pays for itself, in words such as “about 1 in 20”, and the worst realistic case',
  'home.answers.breakEven':
    'what the provider would have to achieve for the service to pay for itself, and which assumption matters most',
  'home.answers.waiting': 'what happens to the waiting list when referrals exceed the service’s capacity',
  'home.answers.finance':
    'what each council pays and saves by financial year, with the discount rate and price base stated, and which savings are cashable',
  'home.answers.onTrack': 'whether the service is on track, once monitoring figures are in',
  'home.startHeading': 'Start',
  'home.startText': 'Choose a scenario to see its options and figures.',
  'home.startLink': 'Go to scenarios',
  'home.caveat':
    'The figures are projections: what follows from the assumptions in a scenario, with their uncertainty. They are not forecasts of what will happen.',

  'scenarios.title': 'Scenarios',
  'scenarios.lead': 'Each scenario is one set of assumptions about the service, its costs and its effects.',
  'scenarios.count.one': '{count} scenario is available.',
  'scenarios.count.other': '{count} scenarios are available.',
  'scenarios.none': 'There are no scenarios yet. Add a scenario file to the scenarios folder.',
  'scenarios.resultsComing': 'Results for each scenario will appear here once the model is ready.',

  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'If you typed the web address, check it is correct.',
  'error.notFound.pasted': 'If you pasted the web address, check you copied the entire address.',
  'error.notFound.homeLink': 'Go to the start page',
  'error.server.title': 'Sorry, there is a problem with the service',
  'error.server.body': 'Try again later.',
  'error.server.reference': 'If you contact support about this, give this reference:',
  'error.client.title': 'Sorry, the request could not be handled',
  'error.client.body': 'The request was not valid ({status}). Go back and try again.',
  'error.tooLarge.title': 'The data sent was too large',
  'error.tooLarge.body': 'The form or file you sent was larger than the tool accepts. Send a smaller one.',
  'error.badHost.body': 'Request refused: this server does not answer to that host name.',
  'error.detailsHeading': 'Details for developers',

  'chance.almostCertain': 'almost certain',
  'chance.moreThan9In10': 'more than 9 in 10',
  'chance.aboutNIn10': 'about {count} in 10',
  'chance.about1InN': 'about 1 in {count}',
  'chance.lessThan1In100': 'less than 1 in 100',

  'money.thousandSuffix': 'k',
  'money.millionSuffix': 'm',
  'money.billionSuffix': 'bn',
  'range.between': '{low} to {high}',

  // Monitoring, updating and the value of information (shared/model.md section 15).
  'information.evpi':
    'Knowing everything this scenario is unsure about before deciding would be worth up to {amount} to the region.',
  'information.evpi.none':
    'The same option comes out best whatever the uncertain assumptions turn out to be, so finding out more would not change the decision.',
  'information.evppi.worth': 'Knowing the true {input} before deciding would be worth up to {amount}',
  'information.evppi.little.one': 'the {inputs} is worth little to research further',
  'information.evppi.little.other': 'the {inputs} are worth little to research further',
  'information.evppi.join': '{first}; {second}.',
  'information.list.and': '{first} and {last}',
  'information.input.outcomes.effectiveness': 'effectiveness of the service',
  'information.input.outcomes.breakdown_risk': 'risk of a placement breaking down without the service',
  'information.input.outcomes.residential_escalation': 'share of breakdowns that end in residential care',
  'information.input.outcomes.residential_weeks': 'length of a residential placement',
  'information.input.outcomes.residential_weekly_cost': 'residential weekly cost',
  'information.input.outcomes.alternative_weekly_cost': 'weekly cost of the placement a child keeps',
  'information.input.outcomes.move_cost': 'cost of a placement move',
  'information.input.service.referrals_per_year': 'number of referrals a year',
  'information.input.service.capacity.starts_per_year': 'service’s capacity',
  'information.input.contract.annual_value': 'contract value',
  'information.input.finance.attribution': 'share of the change due to this service',
  'information.input.finance.discount_rate': 'discount rate',
  'information.input.variable': '{name}',
  'information.option.zero': 'stopping at the end of the fixed term',
  'information.option.one': 'one extension year',
  'information.option.other': '{count} extension years',
  'information.wait.better':
    'Taking one extension year and deciding the rest after a year of monitoring is expected to be worth about {difference} more to the region than deciding now, where the best choice is {best}.',
  'information.wait.worse':
    'Deciding now is the better course: {best} is expected to be worth about {difference} more to the region than taking one extension year and deciding the rest after a year of monitoring.',
  'information.wait.same':
    'Deciding now and taking one extension year to decide the rest after a year of monitoring are worth about the same to the region; the best choice now is {best}.',
  'information.wait.learning': 'A year of monitoring counts would improve the later choice by about {amount}.',
  'information.tracking.ahead':
    'The service is running ahead of the business case: fewer of the supported children’s placements broke down, or ended in residential care, than its assumptions expected.',
  'information.tracking.in-line':
    'The service is running in line with the business case: the counts so far are within the range its assumptions expected.',
  'information.tracking.behind':
    'The service is running behind the business case: more of the supported children’s placements broke down, or ended in residential care, than its assumptions expected.',
  'information.tracking.mixed':
    'The counts so far are mixed: some are better and some worse than the business case expected.',
  'information.tracking.unknown':
    'There are no outcome counts yet (children followed up 12 months after they started), so it is too early to say whether the service is on track.',
  'information.tracking.breakdowns':
    '{observed} of {followedUp} children followed up had a placement break down; the assumptions expected {low} to {high}.',
  'information.tracking.referrals': '{observed} referrals were received; the assumptions expected {low} to {high}.',
  'information.tracking.caveat':
    'Breakdowns among supported children show the risk with the service, not what it would have been without it, so on their own they say little about how effective it is.',
  'information.update.npv': 'After updating on the counts, {option} is expected to be worth {after} to the region, against {before} before.',
  'information.warning.low-effective-sample-size':
    'The counts fit only a few of the simulated futures (worth {ess} of the {iterations} draws), so the updated figures are less precise than the others.',
  'information.warning.low-effective-share':
    'The counts fit only a small share of the simulated futures ({share}), so they differ from what the assumptions expected; check both.',
  'information.warning.more-draws-used': 'To keep the updated figures precise, {iterations} draws were used instead of {requested}.',
  'information.warning.observations-impossible':
    'None of the simulated futures can produce the counts entered, so nothing was updated; check the counts and the assumptions.',
} as const;
