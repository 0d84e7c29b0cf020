// questions: the shopper question set (test/assistant/questions.json, issue 13) against the
// demo store through the Admin API fake, in basic mode and with the OpenAI fake's demo
// brain. Prints the share of questions whose answer holds the expected card or fact.
// Loopback only; no build needed.
import { runQuestionSet } from "../test/assistant/question-set";

for (const mode of ["basic", "ai"] as const) {
  const { outcomes, passRate } = await runQuestionSet(mode);
  console.log(`questions_${mode}_count ${outcomes.length}`);
  console.log(`questions_${mode}_pass_rate ${passRate.toFixed(3)}`);
  for (const o of outcomes.filter((x) => !x.ok)) console.log(`# ${mode} ${o.id}: ${o.failures.join("; ")}`);
}
