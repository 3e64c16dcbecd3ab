// The secret the tests put into configs. scripts/canary sets LOGTO_TEST_CANARY_SECRET to a recognisable value, runs every
// suite, then looks for it in every output and file written; without it the tests use their usual fallbacks.
export const canaryVariable = 'LOGTO_TEST_CANARY_SECRET';

/** LOGTO_TEST_CANARY_SECRET when set, else `fallback`. */
export const testSecret = (fallback) => process.env[canaryVariable] || fallback;
