#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The mock's broker through Debian's python3-paho-mqtt (Eclipse Paho), MQTT 3.1.1 and 5, over
TCP and WebSocket: QoS 2 both ways, a persistent session resumed with its queued QoS 1 and 2
messages, the will after an abrupt disconnect, and MQTT 5 request/response with user properties.
Run by with-mock.sh (PETSTORE_URL, PETSTORE_MQTT_PORT)."""
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

HTTP = urllib.parse.urlparse(os.environ["PETSTORE_URL"])
TCP_PORT = int(os.environ["PETSTORE_MQTT_PORT"])


class Client:
    """A paho client on its own network thread that records what it receives."""

    def __init__(self, transport, version, client_id="", clean=True, expiry=None, will=None):
        protocol = mqtt.MQTTv5 if version == 5 else mqtt.MQTTv311
        self.client = mqtt.Client(client_id=client_id, protocol=protocol, transport=transport,
                                  clean_session=None if version == 5 else clean)
        if transport == "websockets":
            self.client.ws_set_options(path="/mqtt")
        if will:
            self.client.will_set(*will)
        self.messages = []
        self.connected = threading.Event()
        self.flags = {}
        self.lock = threading.Lock()
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        port = HTTP.port if transport == "websockets" else TCP_PORT
        if version == 5:
            properties = None
            if expiry is not None:
                properties = Properties(PacketTypes.CONNECT)
                properties.SessionExpiryInterval = expiry
            self.client.connect("127.0.0.1", port, clean_start=clean, properties=properties)
        else:
            self.client.connect("127.0.0.1", port)
        self.client.loop_start()
        assert self.connected.wait(5), "no CONNACK"

    def _on_connect(self, client, userdata, flags, rc, properties=None):
        self.flags = flags
        self.connected.set()

    def _on_message(self, client, userdata, message):
        with self.lock:
            self.messages.append(message)

    def wait_for(self, count, seconds=5):
        deadline = time.time() + seconds
        while time.time() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.02)
        raise AssertionError(f"received {len(self.messages)} of {count} messages")

    def subscribe(self, topic, qos):
        self.client.subscribe(topic, qos)
        time.sleep(0.2)

    def publish(self, topic, payload, qos, properties=None):
        self.client.publish(topic, payload, qos, properties=properties).wait_for_publish(5)

    def stop(self):
        self.client.disconnect()
        self.client.loop_stop()

    def drop(self):
        """Ends the TCP connection without DISCONNECT."""
        sock = self.client.socket()
        sock = getattr(sock, "_socket", sock)   # under WebSocket, the TCP socket inside paho's wrapper
        sock.shutdown(socket.SHUT_RDWR)
        self.client.loop_stop()


def qos2_both_ways(transport, version, tag):
    subscriber = Client(transport, version)
    subscriber.subscribe(f"{tag}/qos2", 2)
    publisher = Client(transport, version)
    publisher.publish(f"{tag}/qos2", b"exactly once", 2)
    message = subscriber.wait_for(1)[0]
    assert message.payload == b"exactly once" and message.qos == 2
    subscriber.stop()
    publisher.stop()


def session_resume(transport, version, tag):
    client_id = f"{tag}-paho"
    first = Client(transport, version, client_id, clean=False, expiry=300)
    first.subscribe(f"{tag}/queue/#", 2)
    first.stop()
    publisher = Client(transport, version)
    for i in range(15):
        publisher.publish(f"{tag}/queue/q1", f"q1-{i}", 1)
        publisher.publish(f"{tag}/queue/q2", f"q2-{i}", 2)
    resumed = Client(transport, version, client_id, clean=False, expiry=300)
    assert resumed.flags.get("session present") == 1, resumed.flags
    resumed.wait_for(30)
    time.sleep(0.3)   # a QoS 2 duplicate would arrive now
    payloads = [m.payload.decode() for m in resumed.messages]
    for i in range(15):
        assert f"q1-{i}" in payloads, f"QoS 1 message {i} lost"
        assert payloads.count(f"q2-{i}") == 1, f"QoS 2 message {i} not exactly once"
    resumed.stop()
    Client(transport, version, client_id, clean=True).stop()
    publisher.stop()


def will_on_abrupt_disconnect(transport, version, tag):
    observer = Client(transport, version)
    observer.subscribe(f"{tag}/will", 1)
    doomed = Client(transport, version, will=(f"{tag}/will", b"offline", 1, False))
    doomed.drop()
    assert observer.wait_for(1)[0].payload == b"offline"
    observer.stop()


def request_response(transport, version, tag):
    with urllib.request.urlopen(os.environ["PETSTORE_URL"] + "/v1/pets?limit=1") as response:
        pet_id = json.load(response)["data"][0]["id"]
    requester = Client(transport, 5)
    requester.subscribe(f"{tag}/replies", 1)
    properties = Properties(PacketTypes.PUBLISH)
    properties.ResponseTopic = f"{tag}/replies"
    properties.CorrelationData = b"paho-42"
    properties.UserProperty = ("x-tenant-id", "default")
    requester.publish("petstore/rpc/pets/get", json.dumps({"petId": pet_id}), 1, properties)
    reply = requester.wait_for(1)[0]
    assert json.loads(reply.payload)["id"] == pet_id
    assert reply.properties.CorrelationData == b"paho-42"
    assert ("status", "200") in reply.properties.UserProperty
    requester.stop()


failures = 0
counter = 0
for transport in ("tcp", "websockets"):
    for version in (4, 5):
        cases = [qos2_both_ways, session_resume, will_on_abrupt_disconnect]
        if version == 5:
            cases.append(request_response)
        for case in cases:
            counter += 1
            name = f"{transport} v{'5' if version == 5 else '3.1.1'}: {case.__name__.replace('_', ' ')}"
            try:
                case(transport, version, f"paho{counter}-{os.getpid()}")
                print(f"ok - {name}")
            except Exception as error:  # report every case, then fail
                failures += 1
                print(f"not ok - {name}: {error!r}")
sys.exit(1 if failures else 0)
