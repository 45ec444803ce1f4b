package org.chizu.sensors.mqtt;

import org.chizu.platform.BackgroundWork;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** Says once, at start-up, that sensors cannot use MQTT without a broker. */
@Component
@BackgroundWork
@ConditionalOnExpression("'${chizu.mqtt.url:}' == ''")
class MqttOff {

    MqttOff() {
        LoggerFactory.getLogger(MqttOff.class).info("MQTT bridge off: no broker is set (chizu.mqtt.url); ./chizu run starts one");
    }
}
