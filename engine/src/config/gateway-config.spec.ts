import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SMS = {
  ESTATEFLOW_SMS_URL: 'https://sms.example.cn/send',
  ESTATEFLOW_SMS_ACCESS_KEY_ID: 'LTAI5t',
  ESTATEFLOW_SMS_ACCESS_KEY_SECRET: '0123456789abcdef0123',
};

describe('message gateway settings', () => {
  it('leaves SMS and WeChat to the development sender when unset', () => {
    const config = loadConfig({});
    expect(config.smsGateway).toBeNull();
    expect(config.wechatGateway).toBeNull();
  });

  it('reads a configured SMS gateway', () => {
    expect(loadConfig({ ...SMS, ESTATEFLOW_SMS_SIGN_NAME: '阳光物业' }).smsGateway).toEqual({
      url: 'https://sms.example.cn/send',
      keyId: 'LTAI5t',
      secret: '0123456789abcdef0123',
      template: '阳光物业',
    });
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => loadConfig({ ...SMS, ESTATEFLOW_SMS_ACCESS_KEY_SECRET: '' })).toThrow(/ESTATEFLOW_SMS_ACCESS_KEY_SECRET/);
    expect(() => loadConfig({ ESTATEFLOW_WECHAT_APP_SECRET: '0123456789abcdef' })).toThrow(/ESTATEFLOW_WECHAT_URL/);
    expect(() => loadConfig({ ...SMS, NODE_ENV: 'production', ESTATEFLOW_SMS_URL: 'http://sms.example.cn/send' })).toThrow(ConfigError);
    expect(loadConfig({ ...SMS, ESTATEFLOW_SMS_URL: 'http://127.0.0.1:9999/sms' }).smsGateway?.url).toBe('http://127.0.0.1:9999/sms');
  });
});
