#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The mock's gRPC port with Debian's python3-grpcio, stubs generated now from specs/proto with
Debian's protoc and grpc_python_plugin: unary calls, each streaming kind, status codes, a
deadline, a cancelled stream, and clients killed mid-stream (the mock forgets their calls and
keeps serving). Needs PETSTORE_URL and PETSTORE_GRPC_ADDRESS (tests/interop/with-mock.sh)."""
import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import grpc

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO_ROOT = os.path.join(HERE, '..', '..', 'specs', 'proto')
BASE = os.environ['PETSTORE_URL']
ADDRESS = os.environ['PETSTORE_GRPC_ADDRESS']

# grpc/health/v1 is left out: its generated module would be imported as grpc.health, which is
# the grpcio package's own namespace. @grpc/grpc-js covers health (grpc-js.mjs).
PROTOS = ['petstore/v1/pet.proto', 'petstore/v1/pet_service.proto', 'petstore/v1/order.proto',
          'petstore/v1/order_service.proto', 'petstore/v1/chat_service.proto']
STUBS = tempfile.mkdtemp(prefix='petstore-py-')
atexit.register(shutil.rmtree, STUBS, True)
subprocess.run(['protoc', '-I', PROTO_ROOT, '-I', '/usr/include', '--python_out', STUBS, '--grpc_python_out', STUBS,
                '--plugin=protoc-gen-grpc_python=/usr/bin/grpc_python_plugin'] + PROTOS, check=True)
sys.path.insert(0, STUBS)
from petstore.v1 import chat_service_pb2, chat_service_pb2_grpc  # noqa: E402
from petstore.v1 import order_pb2, order_service_pb2, order_service_pb2_grpc  # noqa: E402
from petstore.v1 import pet_pb2, pet_service_pb2, pet_service_pb2_grpc  # noqa: E402
from google.protobuf import field_mask_pb2  # noqa: E402

failures = []


def check(name, condition, detail=''):
    print(('ok   ' if condition else 'FAIL ') + name + (f': {detail}' if detail and not condition else ''))
    if not condition:
        failures.append(name)


def code_of(call):
    try:
        call()
    except grpc.RpcError as error:
        return error.code()
    return grpc.StatusCode.OK


def grpc_health():
    with urllib.request.urlopen(BASE + '/health') as response:
        return json.load(response)['protocols']['grpc']


channel = grpc.insecure_channel(ADDRESS)
pets = pet_service_pb2_grpc.PetServiceStub(channel)
orders = order_service_pb2_grpc.OrderServiceStub(channel)
chat = chat_service_pb2_grpc.ChatServiceStub(channel)

# Unary calls.
page = pets.ListPets(pet_service_pb2.ListPetsRequest(page_size=4, species=pet_pb2.SPECIES_CAT), timeout=5)
check('ListPets filters and pages', len(page.pets) == 4 and all(p.species == pet_pb2.SPECIES_CAT for p in page.pets)
      and page.next_page_token != '')
created = pets.CreatePet(pet_service_pb2.CreatePetRequest(pet=pet_pb2.Pet(
    name='Pythonic', species=pet_pb2.SPECIES_REPTILE, age_months=14, price='45.50')), timeout=5).pet
check('CreatePet assigns id and status', created.id != '' and created.status == pet_pb2.PET_STATUS_AVAILABLE)
with urllib.request.urlopen(f'{BASE}/v1/pets/{created.id}') as response:
    rest = json.load(response)
check('the pet is the same in REST', rest['name'] == 'Pythonic' and rest['ageMonths'] == 14 and rest['species'] == 'REPTILE')
updated = pets.UpdatePet(pet_service_pb2.UpdatePetRequest(
    pet=pet_pb2.Pet(id=created.id, medical_info=pet_pb2.MedicalInfo(vaccinated=True)),
    update_mask=field_mask_pb2.FieldMask(paths=['medical_info.vaccinated'])), timeout=5).pet
check('UpdatePet changes a nested masked field only', updated.medical_info.vaccinated and updated.age_months == 14)
check('UpdatePet with an unknown mask path is INVALID_ARGUMENT', code_of(lambda: pets.UpdatePet(
    pet_service_pb2.UpdatePetRequest(pet=pet_pb2.Pet(id=created.id), update_mask=field_mask_pb2.FieldMask(paths=['owner'])),
    timeout=5)) == grpc.StatusCode.INVALID_ARGUMENT)
check('GetPet of a missing pet is NOT_FOUND',
      code_of(lambda: pets.GetPet(pet_service_pb2.GetPetRequest(id='nope'), timeout=5)) == grpc.StatusCode.NOT_FOUND)

# Client streaming.
summary = pets.ImportPets(iter([pet_service_pb2.ImportPetsRequest(pet=pet_pb2.Pet(name=f'Batch {i}', species=pet_pb2.SPECIES_DOG))
                                for i in range(100)] + [pet_service_pb2.ImportPetsRequest(pet=pet_pb2.Pet(name='x' * 80))]), timeout=10)
check('ImportPets creates 100 and reports the bad one', summary.received_count == 101 and summary.created_count == 100
      and len(summary.failures) == 1 and summary.failures[0].index == 100, str(summary.failures))

# Server streaming, with a deadline and with a cancel.
order = orders.PlaceOrder(order_service_pb2.PlaceOrderRequest(pet_id=created.id), timeout=5).order
steps = []
tracking = orders.TrackOrder(order_service_pb2.TrackOrderRequest(order_id=order.id), timeout=10)
reader = threading.Thread(target=lambda: steps.extend(step.order.status for step in tracking))
reader.start()
time.sleep(0.3)
orders.CancelOrder(order_service_pb2.CancelOrderRequest(id=order.id), timeout=5)
reader.join(10)
check('TrackOrder follows the order to CANCELLED and ends', steps == [order_pb2.ORDER_STATUS_PLACED, order_pb2.ORDER_STATUS_CANCELLED], str(steps))
started = time.monotonic()
check('WatchPets ends with DEADLINE_EXCEEDED at the deadline',
      code_of(lambda: list(pets.WatchPets(pet_service_pb2.WatchPetsRequest(), timeout=0.5))) == grpc.StatusCode.DEADLINE_EXCEEDED
      and time.monotonic() - started < 3)
watch = pets.WatchPets(pet_service_pb2.WatchPetsRequest(include_existing=True), timeout=10)
first = next(watch)
watch.cancel()
check('WatchPets sends existing pets and can be cancelled', first.type == pet_service_pb2.PET_EVENT_TYPE_EXISTING
      and code_of(lambda: list(watch)) == grpc.StatusCode.CANCELLED)

# Bidirectional streaming.
def conversation():
    yield chat_service_pb2.ChatRequest(typing=chat_service_pb2.UserTyping(typing=True))
    yield chat_service_pb2.ChatRequest(message=chat_service_pb2.UserMessage(client_message_id='py-1', text='a rabbit please'))


kinds = [reply.WhichOneof('kind') for reply in chat.Chat(conversation(), timeout=10)]
check('Chat acknowledges, types and answers', kinds == ['delivered', 'typing', 'message'], str(kinds))

# Clients killed mid-stream: the mock lets go of their calls and keeps serving.
victim = f'''
import sys, time, grpc
sys.path.insert(0, {STUBS!r})
from petstore.v1 import pet_service_pb2, pet_service_pb2_grpc, chat_service_pb2, chat_service_pb2_grpc
channel = grpc.insecure_channel({ADDRESS!r})
watch = pet_service_pb2_grpc.PetServiceStub(channel).WatchPets(pet_service_pb2.WatchPetsRequest(include_existing=True))
next(watch)
def talk():
    yield chat_service_pb2.ChatRequest(message=chat_service_pb2.UserMessage(text='hello'))
    time.sleep(60)
replies = chat_service_pb2_grpc.ChatServiceStub(channel).Chat(talk())
next(replies)
print('streaming', flush=True)
time.sleep(60)
'''
for _ in range(3):
    process = subprocess.Popen([sys.executable, '-c', victim], stdout=subprocess.PIPE, text=True)
    process.stdout.readline()
    process.send_signal(signal.SIGKILL)
    process.wait()
for _ in range(50):
    if grpc_health()['activeCalls'] == 0:
        break
    time.sleep(0.1)
check('calls of killed clients are forgotten', grpc_health()['activeCalls'] == 0, str(grpc_health()))
check('the server keeps serving after them', len(pets.ListPets(pet_service_pb2.ListPetsRequest(page_size=1), timeout=5).pets) == 1)

channel.close()
sys.exit(1 if failures else 0)
