/** Discord's documented limits; a payload over any of them is rejected with 50035 by the real API. */
const L = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, author: 256, total: 6000, rows: 5, customId: 100 };

interface Embed { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string }; author?: { name: string } }
interface Body { content?: string; embeds?: Embed[]; components?: Array<{ components?: Array<{ custom_id?: string }> }>; allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } }

function embedProblems(embeds: Embed[]): string[] {
  const problems: string[] = [];
  if (embeds.length > L.embeds) problems.push(`${embeds.length} embeds (max ${L.embeds})`);
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (what: string, text: string | undefined, max: number) => {
      total += text?.length ?? 0;
      if ((text?.length ?? 0) > max) problems.push(`embeds[${i}].${what} is ${text!.length} characters (max ${max})`);
    };
    check('title', e.title, L.title);
    check('description', e.description, L.description);
    check('footer.text', e.footer?.text, L.footer);
    check('author.name', e.author?.name, L.author);
    if ((e.fields?.length ?? 0) > L.fields) problems.push(`embeds[${i}] has ${e.fields!.length} fields (max ${L.fields})`);
    e.fields?.forEach((f, j) => {
      check(`fields[${j}].name`, f.name, L.fieldName);
      check(`fields[${j}].value`, f.value, L.fieldValue);
      if (!f.value) problems.push(`embeds[${i}].fields[${j}].value is empty`);
    });
  });
  if (total > L.total) problems.push(`embeds total ${total} characters (max ${L.total})`);
  return problems;
}

/**
 * Checks a message body the way Discord would (limits) and the way Footnote promises
 * (`allowed_mentions.parse` empty, no user or role allow-lists). Returns one line per problem.
 */
export function validateMessageBody(body: Body, { isEdit = false } = {}): string[] {
  const problems: string[] = [];
  if ((body.content?.length ?? 0) > L.content) problems.push(`content is ${body.content!.length} characters (max ${L.content})`);
  if (body.embeds) problems.push(...embedProblems(body.embeds));
  if ((body.components?.length ?? 0) > L.rows) problems.push(`${body.components!.length} action rows (max ${L.rows})`);
  for (const row of body.components ?? []) for (const c of row.components ?? []) if ((c.custom_id?.length ?? 0) > L.customId) problems.push(`custom_id "${c.custom_id}" too long`);
  const am = body.allowed_mentions;
  const sendsText = body.content !== undefined || body.embeds !== undefined;
  if (sendsText && (!am || !Array.isArray(am.parse) || am.parse.length > 0 || (am.users?.length ?? 0) > 0 || (am.roles?.length ?? 0) > 0 || am.replied_user === true)) {
    problems.push(`allowed_mentions must be { parse: [] }, got ${JSON.stringify(am)}`);
  }
  if (!isEdit && !body.content && !(body.embeds?.length)) problems.push('message has neither content nor embeds');
  return problems;
}

export function validateChoices(choices: Array<{ name: string; value: unknown }> | undefined): string[] {
  if (!choices) return ['autocomplete response without choices'];
  const problems = choices.length > 25 ? [`${choices.length} choices (max 25)`] : [];
  for (const c of choices) if (c.name.length < 1 || c.name.length > 100) problems.push(`choice name "${c.name}" is ${c.name.length} characters (1–100)`);
  return problems;
}
