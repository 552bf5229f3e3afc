import { idNumberCheckCharacter } from '../privacy/id-number';
import type { SeededRandom } from './seeded-random';

// Common surnames, roughly by frequency, and given-name characters people actually use.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤'.split(
    '',
  );
const MALE = '伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林阳建国志文海东峰成亮新晨振德'.split('');
const FEMALE = '芳娜敏静丽艳娟霞秀英玲婷燕慧雪琳颖倩洁晶萍红梅莉兰佳欣怡悦雯思梦瑶月桂'.split('');
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '182',
  '186',
  '187',
  '188',
  '189',
  '199',
];
// 东城区, 朝阳区, 黄浦区, 徐汇区, 天河区, 南山区, 武侯区, 西湖区, 鼓楼区, 江汉区
const AREA_CODES = ['110101', '110105', '310101', '310104', '440106', '440305', '510107', '330106', '320106', '420103'];

export interface DemoIdentity {
  name: string;
  phone: string;
  idNumber: string | null;
}

/** Fake but realistic people; phones never repeat within one generator. */
export class DemoPeopleGenerator {
  private readonly usedPhones = new Set<string>();
  private readonly usedNames = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  person(options: { withIdNumber: boolean }): DemoIdentity {
    const female = this.random.chance(0.5);
    return { name: this.name(female), phone: this.phone(), idNumber: options.withIdNumber ? this.idNumber(female) : null };
  }

  name(female: boolean): string {
    for (;;) {
      const chars = female ? FEMALE : MALE;
      const given = this.random.chance(0.6) ? this.random.pick(chars) + this.random.pick(chars) : this.random.pick(chars);
      const name = this.random.pick(SURNAMES) + given;
      if (given.length === 2 && given[0] === given[1] && this.random.chance(0.7)) continue;
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return name;
      }
    }
  }

  phone(): string {
    for (;;) {
      const phone = this.random.pick(MOBILE_PREFIXES) + String(this.random.int(0, 99_999_999)).padStart(8, '0');
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }

  /** 18 characters: area, birth date, sequence (odd = male), and a correct check character. */
  idNumber(female: boolean): string {
    const year = this.random.int(1948, 2000);
    const month = this.random.int(1, 12);
    const day = this.random.int(1, 28);
    let sequence = this.random.int(1, 999);
    if ((sequence % 2 === 0) !== female) sequence = sequence === 999 ? 998 : sequence + 1;
    const first17 = `${this.random.pick(AREA_CODES)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
    return first17 + idNumberCheckCharacter(first17);
  }
}
