#!/usr/bin/env python3
"""Build tiny, random-weight Stable Diffusion models that InvokeAI's probe recognises.

Usage: make_tiny_models.py --out DIR [--kinds sd1,sdxl,sd1_lora,...] [--seed 0]

Run it with the python of the InvokeAI venv (it needs torch, diffusers, transformers, safetensors). Nothing is
downloaded: every weight is random (fixed seed, so a build is deterministic) and every config is written here.
The models are useless for pictures but exercise the real model manager and the real generation nodes in about a
second per 64x64 image on a CPU.

Each kind is written under DIR with the name InvokeAI will give it (folder name, or file stem):
  sd1            DIR/tiny-sd1/                         main, base sd-1 (unet cross_attention_dim 768)
  sdxl           DIR/tiny-sdxl/                        main, base sdxl (unet cross_attention_dim 2048)
  sd1_lora       DIR/tiny-sd1-lora.safetensors         lora, base sd-1 (kohya keys of the tiny sd1 unet and te)
  sdxl_lora      DIR/tiny-sdxl-lora.safetensors        lora, base sdxl (kohya keys of the tiny sdxl unet and both te)
  sd1_vae        DIR/tiny-sd1-vae/                     vae, base sd-1 (diffusers AutoencoderKL folder)
  sd1_embedding  DIR/tiny-sd1-embedding.safetensors    embedding, base sd-1; prompt trigger <tiny-sd1-embedding>
  sd1_controlnet DIR/tiny-sd1-controlnet/              controlnet, base sd-1 (diffusers ControlNetModel, cross_attention_dim 768)
  sd1_ip_adapter DIR/tiny-sd1-ip-adapter.safetensors   ip_adapter, base sd-1 (checkpoint format: image_proj.* + ip_adapter.*)
  ip_adapter_image_encoder
                 DIR/IP Adapter SD1.5 Image Encoder/   clip_vision, base any (CLIPVisionModelWithProjection folder).
                 The name is not ours to choose: for a checkpoint IP-Adapter the ip_adapter node looks its image
                 encoder up by the name of InvokeAI's starter model for the node's clip_vision_model (default
                 ViT-H -> "IP Adapter SD1.5 Image Encoder") and would otherwise try to download the real one.

A build goes to a staging path next to its target and is renamed into place, so concurrent runs and interrupted
runs never leave a half-written model behind; an existing target is kept. Prints "<kind>=<path>" per kind.
To add a kind, write a builder `def build_x(target: Path, seed: int)` and register
it in BUILDERS.
"""
import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import torch

# The 256 byte characters of CLIP's byte-level BPE, plus each with the end-of-word marker, plus the two specials.
BOS = "<|startoftext|>"
EOS = "<|endoftext|>"
MAX_LENGTH = 77  # compel pads to the tokenizer's model_max_length; the zeros path uses max_position_embeddings


def log(msg):
    print(f"[tiny-models] {msg}", file=sys.stderr, flush=True)


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return [chr(c) for c in cs]


def write_tokenizer(folder: Path):
    """A CLIPTokenizer with a byte-level vocabulary (514 tokens) and no merges: every byte is one token."""
    from transformers import CLIPTokenizer

    chars = bytes_to_unicode()
    vocab = {}
    for c in chars:
        vocab[c] = len(vocab)
    for c in chars:
        vocab[c + "</w>"] = len(vocab)
    vocab[BOS] = len(vocab)
    vocab[EOS] = len(vocab)
    raw = folder.parent / (folder.name + ".raw")
    raw.mkdir(parents=True)
    (raw / "vocab.json").write_text(json.dumps(vocab))
    (raw / "merges.txt").write_text("#version: 0.2\n")
    (raw / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "CLIPTokenizer",
        "model_max_length": MAX_LENGTH,
        "bos_token": BOS,
        "eos_token": EOS,
        "unk_token": EOS,
        "pad_token": EOS,
        "do_lower_case": True,
    }))
    tokenizer = CLIPTokenizer.from_pretrained(str(raw))
    shutil.rmtree(raw)
    return tokenizer, vocab


def text_config(vocab, hidden_size, projection_dim=None):
    from transformers import CLIPTextConfig

    kwargs = dict(
        vocab_size=len(vocab),
        hidden_size=hidden_size,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=8,
        max_position_embeddings=MAX_LENGTH,
        hidden_act="quick_gelu",
        bos_token_id=vocab[BOS],
        eos_token_id=vocab[EOS],
        pad_token_id=vocab[EOS],
    )
    if projection_dim is not None:
        kwargs["projection_dim"] = projection_dim
    return CLIPTextConfig(**kwargs)


def tiny_vae():
    from diffusers import AutoencoderKL

    # 4 down blocks: spatial factor 8, InvokeAI's LATENT_SCALE_FACTOR (64 px <-> 8x8 latents)
    return AutoencoderKL(
        in_channels=3,
        out_channels=3,
        latent_channels=4,
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        block_out_channels=(32, 32, 32, 32),
        layers_per_block=1,
        norm_num_groups=32,
        sample_size=64,
    )


def sd_scheduler():
    from diffusers import DDIMScheduler

    return DDIMScheduler(
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
        prediction_type="epsilon",
    )


# The tiny SD1 UNet; the ControlNet and the IP-Adapter are shaped after it.
SD1_UNET = dict(
    sample_size=8,
    in_channels=4,
    out_channels=4,
    block_out_channels=(32, 64),
    layers_per_block=1,
    norm_num_groups=32,
    down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
    up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
    cross_attention_dim=768,  # decides base sd-1 in InvokeAI's probe
    attention_head_dim=8,
)


def build_sd1(target: Path, seed: int):
    from diffusers import StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextModel

    torch.manual_seed(seed)
    tokenizer, vocab = write_tokenizer(target.parent / (target.name + ".tok"))
    text_encoder = CLIPTextModel(text_config(vocab, 768))
    unet = UNet2DConditionModel(**SD1_UNET)
    pipe = StableDiffusionPipeline(
        vae=tiny_vae(),
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=sd_scheduler(),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(str(target), safe_serialization=True)


def build_sdxl(target: Path, seed: int):
    from diffusers import StableDiffusionXLPipeline, UNet2DConditionModel
    from transformers import CLIPTextModel, CLIPTextModelWithProjection

    torch.manual_seed(seed)
    tokenizer, vocab = write_tokenizer(target.parent / (target.name + ".tok"))
    tokenizer_2, _ = write_tokenizer(target.parent / (target.name + ".tok2"))
    text_encoder = CLIPTextModel(text_config(vocab, 768))
    # projection_dim == hidden_size: InvokeAI builds a zero pooled vector of hidden_size for an empty prompt
    text_encoder_2 = CLIPTextModelWithProjection(text_config(vocab, 1280, projection_dim=1280))
    time_dim = 8
    unet = UNet2DConditionModel(
        sample_size=8,
        in_channels=4,
        out_channels=4,
        block_out_channels=(32, 64),
        layers_per_block=1,
        norm_num_groups=32,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=2048,  # te1 768 + te2 1280; decides base sdxl in InvokeAI's probe
        attention_head_dim=8,
        use_linear_projection=True,
        addition_embed_type="text_time",
        addition_time_embed_dim=time_dim,
        projection_class_embeddings_input_dim=6 * time_dim + 1280,
    )
    pipe = StableDiffusionXLPipeline(
        vae=tiny_vae(),
        text_encoder=text_encoder,
        text_encoder_2=text_encoder_2,
        tokenizer=tokenizer,
        tokenizer_2=tokenizer_2,
        unet=unet,
        scheduler=sd_scheduler(),
        force_zeros_for_empty_prompt=True,
    )
    pipe.save_pretrained(str(target), safe_serialization=True)


def build_sd1_lora(target: Path, seed: int):
    """A kohya-format LoRA whose keys name modules of the tiny SD1 UNet and text encoder, so it changes the output.

    InvokeAI reads the base from the lora_down input size of an attn2 to_k/to_v key: 768 -> sd-1.
    """
    from safetensors.torch import save_file

    torch.manual_seed(seed)
    rank = 4
    # (kohya module name, in_features, out_features) for the tiny sd1 unet (block 1 holds the attention)
    modules = []
    for prefix, channels in (("lora_unet_down_blocks_1_attentions_0", 64), ("lora_unet_up_blocks_0_attentions_0", 64)):
        block = f"{prefix}_transformer_blocks_0"
        modules += [
            (f"{block}_attn1_to_q", channels, channels),
            (f"{block}_attn1_to_k", channels, channels),
            (f"{block}_attn1_to_v", channels, channels),
            (f"{block}_attn2_to_q", channels, channels),
            (f"{block}_attn2_to_k", 768, channels),
            (f"{block}_attn2_to_v", 768, channels),
        ]
    for layer in range(2):
        for proj in ("q_proj", "k_proj", "v_proj", "out_proj"):
            modules.append((f"lora_te_text_model_encoder_layers_{layer}_self_attn_{proj}", 768, 768))
    tensors = {}
    for name, fan_in, fan_out in modules:
        tensors[f"{name}.lora_down.weight"] = torch.randn(rank, fan_in) * 0.1
        tensors[f"{name}.lora_up.weight"] = torch.randn(fan_out, rank) * 0.1
        tensors[f"{name}.alpha"] = torch.tensor(float(rank))
    # one metadata entry only: safetensors writes a map in hash order, which would make builds differ
    save_file(tensors, str(target), metadata={"format": "pt"})


def build_sdxl_lora(target: Path, seed: int):
    """A kohya-format LoRA for the tiny SDXL UNet (diffusers module names, which InvokeAI keeps as they are) and its
    two text encoders.

    InvokeAI reads the base from the lora_down input size of an attn2 to_k/to_v key, or te1 + te2: 2048 -> sdxl.
    """
    from safetensors.torch import save_file

    torch.manual_seed(seed)
    rank = 4
    modules = []
    for prefix in ("lora_unet_down_blocks_1_attentions_0", "lora_unet_up_blocks_0_attentions_0",
                   "lora_unet_up_blocks_0_attentions_1"):
        block = f"{prefix}_transformer_blocks_0"
        modules += [
            (f"{block}_attn1_to_q", 64, 64),
            (f"{block}_attn1_to_k", 64, 64),
            (f"{block}_attn1_to_v", 64, 64),
            (f"{block}_attn2_to_q", 64, 64),
            (f"{block}_attn2_to_k", 2048, 64),
            (f"{block}_attn2_to_v", 2048, 64),
        ]
    for te, width in (("lora_te1", 768), ("lora_te2", 1280)):
        for layer in range(2):
            for proj in ("q_proj", "k_proj", "v_proj", "out_proj"):
                modules.append((f"{te}_text_model_encoder_layers_{layer}_self_attn_{proj}", width, width))
    tensors = {}
    for name, fan_in, fan_out in modules:
        tensors[f"{name}.lora_down.weight"] = torch.randn(rank, fan_in) * 0.1
        tensors[f"{name}.lora_up.weight"] = torch.randn(fan_out, rank) * 0.1
        tensors[f"{name}.alpha"] = torch.tensor(float(rank))
    save_file(tensors, str(target), metadata={"format": "pt"})


def build_sd1_vae(target: Path, seed: int):
    torch.manual_seed(seed)
    # scaling_factor 0.18215 (the SD1 value) and a name without "xl": InvokeAI's probe says sd-1
    tiny_vae().save_pretrained(str(target), safe_serialization=True)


def build_sd1_embedding(target: Path, seed: int):
    """A textual-inversion file with two 768-wide vectors (`emb_params`): sd-1. Trigger: <file stem>."""
    from safetensors.torch import save_file

    torch.manual_seed(seed)
    save_file({"emb_params": torch.randn(2, 768) * 0.5}, str(target))


def build_sd1_controlnet(target: Path, seed: int):
    """A diffusers ControlNetModel whose down blocks match the tiny SD1 UNet, so its residuals add up.

    InvokeAI's probe (configs/controlnet.py): a folder whose config.json has _class_name ControlNetModel; the base
    comes from cross_attention_dim (768 -> sd-1). The conditioning embedding downsamples the control image 8x (four
    entries: three stride-2 convolutions), matching the VAE, so a 64x64 control image meets 8x8 latents.
    """
    from diffusers import ControlNetModel

    torch.manual_seed(seed)
    keys = ("in_channels", "block_out_channels", "layers_per_block", "norm_num_groups", "down_block_types",
            "cross_attention_dim", "attention_head_dim")
    controlnet = ControlNetModel(
        **{k: SD1_UNET[k] for k in keys},
        conditioning_embedding_out_channels=(16, 32, 32, 32),
    )
    # random zero-convolutions: diffusers initialises them to zero, which would make the ControlNet a no-op
    with torch.no_grad():
        for module in list(controlnet.controlnet_down_blocks) + [controlnet.controlnet_mid_block,
                                                                  controlnet.controlnet_cond_embedding.conv_out]:
            for param in module.parameters():
                param.copy_(torch.randn_like(param) * 0.05)
    controlnet.save_pretrained(str(target), safe_serialization=True)


IMAGE_ENCODER_PROJECTION_DIM = 32


def build_ip_adapter_image_encoder(target: Path, seed: int):
    """A CLIPVisionModelWithProjection folder (clip_vision, base any: configs/clip_vision.py checks the class name).

    224x224 input, because the IP-Adapter runs transformers' default CLIPImageProcessor (resize and crop to 224).
    """
    from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection

    torch.manual_seed(seed)
    config = CLIPVisionConfig(
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        image_size=224,
        patch_size=32,
        projection_dim=IMAGE_ENCODER_PROJECTION_DIM,
    )
    CLIPVisionModelWithProjection(config).save_pretrained(str(target), safe_serialization=True)


def build_sd1_ip_adapter(target: Path, seed: int):
    """An IP-Adapter for the tiny SD1 UNet in InvokeAI's checkpoint format (one safetensors file).

    The probe (configs/ip_adapter.py) wants keys starting with image_proj. / ip_adapter. and reads the base from
    ip_adapter.1.to_k_ip.weight's input size (768 -> sd-1). The loader (backend/ip_adapter) builds an ImageProjModel
    from image_proj.proj/norm (4 tokens of 768 from the encoder's projection) and one to_k_ip/to_v_ip pair per
    cross-attention processor, keyed by the processor's index in unet.attn_processors.

    The InvokeAI folder format (ip_adapter.bin + image_encoder.txt) is not used: in 6.14.2 its config class needs an
    image_encoder_model_id that the probe never fills in, so such a folder is never recognised.
    """
    from diffusers import UNet2DConditionModel
    from safetensors.torch import save_file

    torch.manual_seed(seed)
    unet = UNet2DConditionModel(**SD1_UNET)
    tokens, cross = 4, SD1_UNET["cross_attention_dim"]
    tensors = {
        "image_proj.proj.weight": torch.randn(tokens * cross, IMAGE_ENCODER_PROJECTION_DIM) * 0.1,
        "image_proj.proj.bias": torch.zeros(tokens * cross),
        "image_proj.norm.weight": torch.ones(cross),
        "image_proj.norm.bias": torch.zeros(cross),
    }
    for index, name in enumerate(unet.attn_processors.keys()):
        if name.endswith("attn2.processor"):
            attention = unet.get_submodule(name[: -len(".processor")])
            inner = attention.to_k.out_features
            tensors[f"ip_adapter.{index}.to_k_ip.weight"] = torch.randn(inner, cross) * 0.1
            tensors[f"ip_adapter.{index}.to_v_ip.weight"] = torch.randn(inner, cross) * 0.1
    save_file(tensors, str(target), metadata={"format": "pt"})


# kind -> (target name under --out, builder)
BUILDERS = {
    "sd1": ("tiny-sd1", build_sd1),
    "sdxl": ("tiny-sdxl", build_sdxl),
    "sd1_lora": ("tiny-sd1-lora.safetensors", build_sd1_lora),
    "sdxl_lora": ("tiny-sdxl-lora.safetensors", build_sdxl_lora),
    "sd1_vae": ("tiny-sd1-vae", build_sd1_vae),
    "sd1_embedding": ("tiny-sd1-embedding.safetensors", build_sd1_embedding),
    "sd1_controlnet": ("tiny-sd1-controlnet", build_sd1_controlnet),
    "sd1_ip_adapter": ("tiny-sd1-ip-adapter.safetensors", build_sd1_ip_adapter),
    "ip_adapter_image_encoder": ("IP Adapter SD1.5 Image Encoder", build_ip_adapter_image_encoder),
}


def build(out: Path, kind: str, seed: int) -> Path:
    name, builder = BUILDERS[kind]
    target = out / name
    if target.exists():
        log(f"{kind}: reusing {target.name}")
        return target
    started = time.monotonic()
    staging_dir = out / f".staging-{kind}-{os.getpid()}"
    shutil.rmtree(staging_dir, ignore_errors=True)
    staging_dir.mkdir(parents=True)
    try:
        staged = staging_dir / name
        builder(staged, seed)
        try:
            os.rename(staged, target)  # atomic; fails if a concurrent build got there first
        except OSError:
            if not target.exists():
                raise
            log(f"{kind}: built concurrently by another process, keeping that one")
    finally:
        shutil.rmtree(staging_dir, ignore_errors=True)
    log(f"{kind}: built {target.name} in {time.monotonic() - started:.1f} s")
    return target


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--kinds", default=",".join(BUILDERS), help="comma-separated: " + ", ".join(BUILDERS))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in BUILDERS]
    if unknown:
        ap.error(f"unknown kinds {unknown}; known: {', '.join(BUILDERS)}")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        print(f"{kind}={build(out, kind, args.seed)}", flush=True)


if __name__ == "__main__":
    main()
