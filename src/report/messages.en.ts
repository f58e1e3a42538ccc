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
} as const;
