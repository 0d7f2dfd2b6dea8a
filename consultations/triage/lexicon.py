"""What each of the three questions looks like in a title or an abstract (data, weighted).

Phrases are written as the tokenizer sees them: lower case, hyphens as spaces.
"""

from __future__ import annotations

QUESTIONS = ("cost", "failure", "compute")

LEXICON: dict[str, dict[str, float]] = {
    "cost": {
        "speculative decoding": 2.5, "quantization": 2.0, "quantisation": 2.0, "quantized": 2.0,
        "kv cache": 2.0, "distillation": 1.5, "pruning": 1.5, "speedup": 2.0, "speed up": 1.5,
        "faster inference": 2.5, "inference cost": 2.5, "low rank": 1.0, "compression": 1.5,
        "efficient inference": 2.5, "memory footprint": 2.0, "token efficiency": 2.0,
        "efficient": 1.0, "efficiency": 1.0, "latency": 1.2, "throughput": 1.2, "cheaper": 1.5,
        "cost": 1.0, "costs": 1.0, "sparse": 0.8, "sparsity": 1.0, "lora": 1.0,
        "parameter efficient": 1.2, "accelerate": 1.0, "acceleration": 1.2, "accelerating": 1.0,
        "faster": 1.2, "inference": 0.5, "memory": 0.5, "lightweight": 0.7, "compute optimal": 1.0,
        "small language models": 1.2, "data efficient": 1.0, "early exit": 1.5, "caching": 1.2,
        "long context": 0.8, "context compression": 2.0, "mixture of experts": 0.8,
    },
    "failure": {
        "hallucination": 2.5, "hallucinations": 2.5, "jailbreak": 2.5, "jailbreaks": 2.5,
        "jailbreaking": 2.5, "failure modes": 2.5, "reward hacking": 2.5, "sycophancy": 2.5,
        "calibration": 2.0, "distribution shift": 2.0, "out of distribution": 2.0,
        "memorization": 2.0, "memorisation": 2.0, "backdoor": 2.0, "red teaming": 2.0,
        "mode collapse": 2.0, "factuality": 2.0, "faithfulness": 2.0, "robustness": 1.5,
        "reliability": 1.5, "safety": 1.5, "adversarial": 1.5, "uncertainty": 1.5,
        "privacy": 1.2, "bias": 1.0, "biases": 1.0, "attack": 1.2, "attacks": 1.2,
        "alignment": 1.0, "failure": 1.5, "failures": 1.5, "homogeneity": 1.5, "poisoning": 1.5,
        "watermark": 1.2, "watermarking": 1.2, "misalignment": 1.5, "deception": 1.5,
        "overconfidence": 1.5, "errors": 0.6, "error": 0.5, "robust": 0.7, "reliable": 0.8,
        "detection": 0.4, "interpretability": 0.8, "monitoring": 1.0, "unfaithful": 2.0,
        "prompt injection": 2.5, "contamination": 1.5, "spurious": 1.2, "shortcut": 1.0,
    },
    "compute": {
        "on device": 3.0, "edge devices": 3.0, "edge device": 3.0, "webgpu": 3.0,
        "browser": 2.0, "fpga": 2.5, "npu": 2.5, "microcontroller": 2.5,
        "microcontrollers": 2.5, "consumer hardware": 2.5, "smartphone": 2.5, "smartphones": 2.5,
        "mobile devices": 2.5, "on premise": 2.0, "edge": 0.6, "mobile": 1.2, "hardware": 1.2,
        "gpu": 1.0, "gpus": 1.0, "tpu": 1.5, "tpus": 1.5, "accelerator": 1.2,
        "accelerators": 1.2, "embedded": 1.2, "low power": 1.5, "energy": 1.0,
        "energy efficient": 1.5, "federated": 1.2, "offloading": 1.5, "cuda": 1.2, "kernel": 0.6,
        "kernels": 0.8, "serving": 1.2, "deployment": 1.0, "deploy": 0.6, "distributed": 0.6,
        "cpu": 0.8, "local": 0.3, "laptop": 1.5, "heterogeneous hardware": 2.0,
        "memory bandwidth": 1.5, "flashattention": 1.5, "triton": 1.0, "decentralized": 0.8,
    },
}  # fmt: skip

# Signals of the papers the filter tells us to pass over (theory with no path to deployment,
# one more loss term, benchmark-only gains).
IGNORE: dict[str, float] = {
    "regret": 1.0, "minimax": 1.0, "sample complexity": 1.0, "pac": 0.8, "theoretical": 0.6,
    "we prove": 0.6, "lower bound": 0.6, "lower bounds": 0.6, "convergence rate": 0.6,
    "loss function": 0.4, "novel loss": 0.6, "state of the art": 0.3, "provably": 0.5,
    "asymptotic": 0.6, "tighter bounds": 0.8, "bounds": 0.4, "theorem": 0.5,
}  # fmt: skip
