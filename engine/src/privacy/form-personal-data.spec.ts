import { randomBytes } from 'node:crypto';
import { personalFieldTree } from '@estateflow/model';
import { describe, expect, it } from 'vitest';
import { formTokens, maskFormTokens, sealFormData, sealFreeText, textTokens, unsealFormData, unsealText } from './form-personal-data';
import { keyId } from './key-ring';
import { PersonalDataCipher } from './personal-data-cipher';

const key = randomBytes(32);
const cipher = new PersonalDataCipher({ currentId: keyId(key), keys: new Map([[keyId(key), key]]), source: 'environment' });
const ID = '11010519491231002X';

function sealed(data: Record<string, unknown>, uiSchema: unknown) {
  const result = sealFormData({ cipher, data, fields: personalFieldTree(uiSchema) });
  if (!result.ok) throw new Error('expected the data to seal');
  return result;
}

describe('numbers written inside free text', () => {
  const uiSchema = { contactPhone: { 'ui:widget': 'phone' }, photos: { 'ui:widget': 'photos' } };
  const data = {
    contactPhone: '13900139000',
    description: '楼上漏水，请联系 138 1234 5678，工人身份证 11010519491231002x。',
    photos: ['13812345678.jpg'],
    extra: { note: '晚上打13812345678' },
  };

  it('are sealed in place: nothing typed is left, the masked form reads naturally, the values decrypt', () => {
    const { data: stored, values } = sealed(data, uiSchema);
    const json = JSON.stringify({ ...stored, photos: 'left as it was' });
    for (const plain of ['13812345678', '138 1234 5678', '13900139000', '11010519491231002']) expect(json).not.toContain(plain);
    expect(stored['photos']).toBe(data.photos);
    expect(maskFormTokens(stored)).toEqual({
      contactPhone: '139****9000',
      description: '楼上漏水，请联系 138****5678，工人身份证 110105********002X。',
      photos: ['13812345678.jpg'],
      extra: { note: '晚上打138****5678' },
    });
    expect(values.map((value) => [value.kind, cipher.decrypt(value.kind, value.cipher)])).toEqual([
      ['phone', '13900139000'],
      ['phone', '13812345678'],
      ['idNumber', ID],
      ['phone', '13812345678'],
    ]);
    // Every sealed number is found again, and unsealing gives back what was typed (normalised).
    expect(formTokens(stored, personalFieldTree(uiSchema)).map((token) => token.id)).toEqual(values.map((value) => value.id));
    const plain = new Map(values.map((value) => [value.id, cipher.decrypt(value.kind, value.cipher)]));
    expect(unsealFormData(stored, personalFieldTree(uiSchema), plain)).toEqual({
      ...data,
      description: `楼上漏水，请联系 13812345678，工人身份证 ${ID}。`,
    });
  });

  it('cannot be forged: the delimiters are taken out of what people type, and a typed token is refused', () => {
    const token = `pd1:phone:${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}:138****0000`;
    const { data: stored, values } = sealed({ note: `见 \uE000${token}\uE001` }, undefined);
    expect(textTokens(String(stored['note']))).toEqual([]);
    expect(values).toEqual([]);
    expect(maskFormTokens(stored)).toEqual({ note: `见 ${token}` });
    expect(sealFormData({ cipher, data: { extra: { note: `\uE000${token}` } }, fields: null })).toEqual({
      ok: false,
      errors: [
        { path: '/extra/note', message: { 'zh-CN': '内容不能是系统内部的号码标记', en: 'this text cannot be an internal number token' } },
      ],
    });
  });

  it('passes a parent’s phone field on into a child’s free text: unsealed, then sealed as the child’s own', () => {
    const parent = sealed({ contactPhone: '13900139000' }, { contactPhone: { 'ui:widget': 'phone' } });
    const passedOn = { note: parent.data['contactPhone'] };
    expect(formTokens(passedOn, null).map((token) => token.id)).toEqual(parent.values.map((value) => value.id));
    const plain = unsealFormData(passedOn, null, new Map([[parent.values[0]?.id ?? '', '13900139000']]));
    expect(plain).toEqual({ note: '13900139000' });
    const child = sealed(plain, undefined);
    expect(maskFormTokens(child.data)).toEqual({ note: '139****9000' });
    expect(child.values).toHaveLength(1);
  });

  it('seals an event comment, and leaves text without numbers as it was', () => {
    const { text, values } = sealFreeText({ cipher, text: '已联系业主 13812345678' });
    expect(text).not.toContain('13812345678');
    expect(maskFormTokens(text)).toBe('已联系业主 138****5678');
    expect(unsealText(text, new Map(values.map((value) => [value.id, '13812345678'])))).toBe('已联系业主 13812345678');
    expect(unsealText(text, new Map())).toBe(text);
    // An id whose last group happens to read like a mobile number is still an id.
    const reference = { photos: ['0a1b2c3d-0000-4000-8000-a13812345678'] };
    expect(sealed(reference, undefined).data).toEqual(reference);
    const none = sealed({ note: '下午三点上门' }, undefined);
    expect(none.values).toEqual([]);
    expect(none.data).toEqual({ note: '下午三点上门' });
  });
});
