/** English function words: they carry no topic, so neither leg should match on them. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how i if
in into is isn't it it's its itself just let's me more most mustn't my myself no nor not of off on once only or
other ought our ours ourselves out over own same shan't she should shouldn't so some such than that that's the
their theirs them themselves then there there's these they this those through to too under until up very was
wasn't we were weren't what what's when where which while who whom why will with won't would wouldn't you your
yours yourself yourselves s t d ll m re ve e g eg ie et al via thus hence whether whose within without among
tell show me please anything something paper papers work works write wrote written say says said find found
according know`.split(/\s+/),
);

/**
 * Words so common in research abstracts that they say little about a paper's topic. They still count,
 * at a fraction of a content word's weight (a fixed list keeps embeddings independent of the corpus).
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  `model models modeling approach approaches method methods result results propose proposed present study studies
studied use used using new novel based show shows shown demonstrate demonstrates analysis analyze analyse task
tasks performance perform data different various many several first well however often may might can one two
three also large small high low better best set provide provides work research researchers paper field way ways
make makes made need needs help key important problem problems question questions`.split(/\s+/),
);
