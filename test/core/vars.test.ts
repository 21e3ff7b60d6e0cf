import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVariableReference, referencedNames, referencesVariable } from '../../server/src/core/vars';

test('referencesVariable finds $NAME and every ${NAME…} form, and not longer names', () => {
  for (const text of ['echo $TOKEN', 'x=${TOKEN}', '${TOKEN:-none}', '${TOKEN-}', '${#TOKEN}', '${TOKEN%%/*}', '${TOKEN/a/b}', 'a$TOKEN.b', '${TOKEN']) {
    assert.equal(referencesVariable(text, 'TOKEN'), true, text);
  }
  for (const text of ['echo $TOKENS', '${TOKEN_2}', 'TOKEN', '$ TOKEN', 'echo $OTHER_TOKEN']) {
    assert.equal(referencesVariable(text, 'TOKEN'), false, text);
  }
});

test('names that are no shell identifiers (real ENV/ARG names) never throw and never match', () => {
  for (const name of ['MYSQL_PASS:-$(pwgen', 'a(b', '[x', 'x.y', '*', '', 'a\\']) {
    assert.equal(referencesVariable('echo $MYSQL_PASS ${a} $x ${*}', name), false, name);
    assert.equal(isVariableReference('$' + name, name), true, name);
    assert.equal(isVariableReference('${' + name + '}x', name), false, name);
  }
});

test('referencedNames lists the references in order; isVariableReference allows blanks only', () => {
  assert.deepEqual(referencedNames('$A ${B:-$C} ${#D} \\$E \\\\$F $1 $@'), ['A', 'B', 'C', 'D', 'F']);
  assert.equal(isVariableReference(' ${KEY} ', 'KEY'), true);
  assert.equal(isVariableReference('$KEY/x', 'KEY'), false);
  assert.equal(isVariableReference('"$KEY"', 'KEY'), false);
});
